namespace Zaiko.Sandbox.Control;

public enum FaultKind
{
    None,
    Hang,
    Throttle,
    Error,
    BotWall,
    Malformed,
}
