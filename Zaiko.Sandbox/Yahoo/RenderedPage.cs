namespace Zaiko.Sandbox.Yahoo;

/// <summary>A page ready to send, and until when it stays true (its countdown, or the auction's end).</summary>
public sealed record RenderedPage(int Status, byte[] Body, DateTimeOffset ValidUntil);
