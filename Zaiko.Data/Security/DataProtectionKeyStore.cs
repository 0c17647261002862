using Dapper;
using Npgsql;

namespace Zaiko.Data.Security;

/// <summary>
/// The XML of ASP.NET Core's data-protection keys, one row per key. The framework's key repository interface is
/// synchronous, so these methods are too; they run when a key ring is loaded or a key is created, not per request.
/// </summary>
public sealed class DataProtectionKeyStore(NpgsqlDataSource dataSource)
{
    private const string ListSql = """
        -- DataProtectionKeyStore.List
        SELECT xml FROM data_protection_keys ORDER BY created_at, friendly_name
        """;

    public IReadOnlyList<string> List()
    {
        using var connection = dataSource.OpenConnection();
        return connection.Query<string>(ListSql).AsList();
    }

    private const string StoreSql = """
        -- DataProtectionKeyStore.Store
        INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)
        ON CONFLICT (friendly_name) DO UPDATE SET xml = excluded.xml
        """;

    public void Store(string name, string xml)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(StoreSql, new { name, xml });
    }
}
