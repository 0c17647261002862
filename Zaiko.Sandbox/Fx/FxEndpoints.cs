using System.Globalization;
using System.Text;

namespace Zaiko.Sandbox.Fx;

/// <summary>The ECB daily reference-rate feed: <c>GET /stats/eurofxref/eurofxref-daily.xml</c>.</summary>
public static class FxEndpoints
{
    public static IEndpointRouteBuilder MapFx(this IEndpointRouteBuilder app)
    {
        app.MapGet("/stats/eurofxref/eurofxref-daily.xml", (FxRates fx) =>
        {
            var (date, rates) = fx.Current();
            var xml = new StringBuilder(1024)
                .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .Append("<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\" xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">\n")
                .Append("\t<gesmes:subject>Reference rates</gesmes:subject>\n")
                .Append("\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n\t</gesmes:Sender>\n")
                .Append("\t<Cube>\n")
                .Append(CultureInfo.InvariantCulture, $"\t\t<Cube time='{date:yyyy-MM-dd}'>\n");
            foreach (var (currency, rate) in rates.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                xml.Append(CultureInfo.InvariantCulture, $"\t\t\t<Cube currency='{currency}' rate='{rate}'/>\n");
            }

            xml.Append("\t\t</Cube>\n\t</Cube>\n</gesmes:Envelope>");
            return Results.Text(xml.ToString(), "text/xml", Encoding.UTF8);
        });
        return app;
    }
}
