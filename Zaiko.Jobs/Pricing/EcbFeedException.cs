namespace Zaiko.Jobs.Pricing;

/// <summary>An FX feed that cannot be trusted, with what is wrong in it; no rate from it was used.</summary>
public sealed class EcbFeedException(string message, Exception? innerException = null)
    : FormatException(message, innerException);
