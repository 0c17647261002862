using System.Net.Mail;

namespace Zaiko.Data.Users;

/// <summary>E-mail addresses as accounts: trimmed and lower-cased, so one address is one account however it is typed.</summary>
public static class UserEmail
{
    public const int MaxLength = 254;

    /// <summary>The normalised address, or an <see cref="InvalidInputException"/> naming the field and what is wrong.</summary>
    public static string Normalize(string? email)
    {
        var value = email?.Trim().ToLowerInvariant() ?? "";
        if (value.Length == 0)
        {
            throw new InvalidInputException("email", "メールアドレスを入力してください");
        }

        if (value.Length > MaxLength || value.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(value, out var parsed)
            || parsed.Address != value || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new InvalidInputException("email", $"「{email}」はメールアドレスの形式ではありません (例: staff@example.jp)");
        }

        return value;
    }
}
