using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Zaiko.Data.Security;

namespace Zaiko.Web.Security;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys in PostgreSQL, so sign-in cookies and antiforgery tokens survive a
/// restart and one web process can read what another issued.
/// </summary>
public sealed class PostgresXmlRepository(DataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => store.List().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) => store.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
