namespace Zaiko.Jobs.Outbound;

/// <summary>A request the outbound guard refused to send, or a response it refused to accept. Never retried.</summary>
public sealed class OutboundRequestRejectedException(string message) : Exception(message);
