using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Zaiko.Data;

namespace Zaiko.Web.TagHelpers;

/// <summary>
/// <c>&lt;jst value="@time" /&gt;</c>: a stored UTC time as staff read it, in Japan time, inside a <c>&lt;time&gt;</c>
/// element whose <c>datetime</c> keeps the exact instant. A missing time renders as "—", or <c>empty-text</c>.
/// </summary>
[HtmlTargetElement("jst", TagStructure = TagStructure.WithoutEndTag)]
public sealed class JstTagHelper : TagHelper
{
    public DateTimeOffset? Value { get; set; }

    /// <summary>"yyyy-MM-dd HH:mm:ss" unless given.</summary>
    public string Format { get; set; } = "yyyy-MM-dd HH:mm:ss";

    public string EmptyText { get; set; } = "—";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } time)
        {
            output.TagName = "span";
            output.Content.SetContent(EmptyText);
            return;
        }

        output.TagName = "time";
        output.Attributes.SetAttribute("datetime", time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        output.Content.SetContent(JstTime.ToJst(time).ToString(Format, CultureInfo.InvariantCulture));
    }
}
