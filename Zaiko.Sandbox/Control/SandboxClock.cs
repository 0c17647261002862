namespace Zaiko.Sandbox.Control;

/// <summary>
/// The sandbox's notion of now: the system clock plus an offset that tests can advance through the control API,
/// so token expiry and auction ends can be exercised without waiting.
/// </summary>
public sealed class SandboxClock(TimeProvider system) : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
