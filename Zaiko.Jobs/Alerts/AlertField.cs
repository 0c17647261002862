namespace Zaiko.Jobs.Alerts;

/// <summary>One labelled fact of an alert (商品, ソース, …), shown as a table row in mail and a field in Slack.</summary>
public sealed record AlertField(string Label, string Value, bool Short);
