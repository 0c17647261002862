using System.Globalization;

namespace Zaiko.Web.Presentation;

/// <summary>Prices as staff read them: yen as "¥1,234" (no decimals), other currencies with their code ("USD 23.99").</summary>
public static class Money
{
    public static string Format(decimal? amount, string? currency)
    {
        if (amount is not { } value)
        {
            return "—";
        }

        return currency is null or "JPY"
            ? "¥" + value.ToString("#,0", CultureInfo.InvariantCulture)
            : $"{currency} {value.ToString("#,0.00", CultureInfo.InvariantCulture)}";
    }

    public static string Yen(decimal? amount) => Format(amount, "JPY");
}
