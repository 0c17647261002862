using Zaiko.Data;
using Zaiko.Data.Alerts;

namespace Zaiko.Jobs.Alerts;

/// <summary>
/// Decides, without side effects, which events become alerts: events are grouped by dedup key; a key whose
/// latest alert is still in its cooldown (for a run: ever) only counts the repeats; otherwise one alert
/// describes the newest event and reports the rest, and the repeats the previous alert held back, as "and N
/// more". Routing comes from the settings; a level routed to channels none of which can deliver goes to the log.
/// When one kind of problem hits many subjects in one pass (a hundred unreadable pages), the first few are
/// sent and the rest are logged and summed up in one digest, so a flood across products is no storm either.
/// </summary>
public static class AlertPlanner
{
    /// <summary>New alerts of one kind and level in one pass beyond which the rest go out as one digest.</summary>
    public const int MaxAlertsPerKindPerPass = 5;

    private const int DigestTitlesShown = 5;

    public static AlertPlan Plan(IReadOnlyList<AlertEvent> events, IReadOnlyDictionary<string, LatestAlert> latest, AlertSettings settings)
    {
        var alerts = new List<NewAlert>();
        var suppressions = new List<AlertSuppression>();
        foreach (var group in events.OrderBy(e => e.OccurredAt).GroupBy(e => e.DedupKey, StringComparer.Ordinal))
        {
            var repeats = group.ToArray();
            var newest = repeats[^1];
            var level = repeats.Select(e => e.Level).MaxBy(AlertLevels.Rank)!;
            var channels = Route(level, settings);
            if (channels.Count == 0)
            {
                continue;
            }

            var previous = latest.GetValueOrDefault(group.Key);
            if (previous is not null && InCooldown(previous, repeats[0], settings))
            {
                var subject = AlertText.Subject(level, newest.Kind, newest.ProductTitle, newest.Message, 0);
                suppressions.Add(new AlertSuppression(previous.Id, group.Key, level, subject, repeats.Length, channels));
                continue;
            }

            alerts.Add(new NewAlert(group.Key, level, newest.Kind, newest.Message, newest.OccurredAt, channels)
            {
                ErrorId = newest.ErrorId,
                ExecutionId = newest.ExecutionId,
                ProductId = newest.ProductId,
                ProductTitle = newest.ProductTitle,
                Sku = newest.Sku,
                Platform = newest.Platform,
                SourceUrl = newest.SourceUrl,
                RepeatsReported = (previous?.RepeatsSuppressed ?? 0) + repeats.Length - 1,
            });
        }

        return new AlertPlan(Digest(alerts), suppressions);
    }

    /// <summary>The channels an alert of this level goes to; empty when the level is routed nowhere.</summary>
    public static IReadOnlyList<string> Route(string level, AlertSettings settings)
    {
        var routed = settings.ChannelsFor(level);
        if (routed.Count == 0)
        {
            return [];
        }

        var deliverable = routed.Where(settings.CanDeliver).ToArray();
        return deliverable.Length > 0 ? deliverable : [AlertChannels.Log];
    }

    /// <summary>
    /// Keeps the first alerts of each kind and level; the rest still get their rows (so their keys' cooldowns
    /// start) but go to the log only, and one digest alert on the routed channels names them.
    /// </summary>
    private static List<NewAlert> Digest(List<NewAlert> alerts)
    {
        var result = new List<NewAlert>(alerts.Count + 1);
        foreach (var group in alerts.GroupBy(a => (a.Kind, a.Level)))
        {
            var list = group.ToList();
            var routed = list[0].Channels;
            if (list.Count <= MaxAlertsPerKindPerPass || routed.All(channel => channel == AlertChannels.Log))
            {
                result.AddRange(list);
                continue;
            }

            var folded = list.Skip(MaxAlertsPerKindPerPass - 1).ToList();
            result.AddRange(list.Take(MaxAlertsPerKindPerPass - 1));
            result.AddRange(folded.Select(alert => alert with { Channels = [AlertChannels.Log] }));
            var titles = folded.Select(alert => alert.ProductTitle ?? alert.DedupKey).Take(DigestTitlesShown);
            result.Add(new NewAlert($"{group.Key.Kind}:digest:{folded[0].DedupKey}", group.Key.Level, group.Key.Kind,
                $"ほか {folded.Count} 件でも同じ事象が起きています: {string.Join("、", titles)}{(folded.Count > DigestTitlesShown ? " …" : "")}",
                folded.Max(alert => alert.OccurredAt), routed)
            {
                ExecutionId = folded.Select(alert => alert.ExecutionId).Distinct().Count() == 1 ? folded[0].ExecutionId : null,
                Platform = folded.Select(alert => alert.Platform).Distinct().Count() == 1 ? folded[0].Platform : null,
                RepeatsReported = folded.Sum(alert => alert.RepeatsReported),
            });
        }

        return result;
    }

    private static bool InCooldown(LatestAlert previous, AlertEvent first, AlertSettings settings) => first.Scope switch
    {
        AlertScope.Run => true,
        AlertScope.StockOut => first.OccurredAt < previous.CreatedAt.AddMinutes(settings.StockOutCooldownMinutes),
        _ => first.OccurredAt < previous.CreatedAt.AddMinutes(settings.CooldownMinutes),
    };
}
