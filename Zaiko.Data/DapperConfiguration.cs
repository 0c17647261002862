using System.Data;
using Dapper;

namespace Zaiko.Data;

/// <summary>
/// Process-wide Dapper settings: snake_case columns, and timestamptz read as UTC <see cref="DateTimeOffset"/>.
/// Dapper does not route <see cref="DateTimeOffset"/> parameters through these handlers (it binds them itself),
/// so stores pass times in UTC: Npgsql refuses a timestamptz parameter with any other offset.
/// </summary>
internal static class DapperConfiguration
{
    private static int applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref applied, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new NullableDateTimeOffsetHandler());
    }

    // Npgsql reads timestamptz as a UTC DateTime; the domain speaks DateTimeOffset.
    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.Value = value.ToUniversalTime();
        }

        public override DateTimeOffset Parse(object value) => ToDateTimeOffset(value);
    }

    private sealed class NullableDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset?>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset? value)
        {
            parameter.Value = value.HasValue ? value.Value.ToUniversalTime() : DBNull.Value;
        }

        public override DateTimeOffset? Parse(object value) => value is null or DBNull ? null : ToDateTimeOffset(value);
    }

    private static DateTimeOffset ToDateTimeOffset(object value) => value switch
    {
        DateTimeOffset offset => offset.ToUniversalTime(),
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a timestamp."),
    };
}
