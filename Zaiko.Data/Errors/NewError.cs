namespace Zaiko.Data.Errors;

/// <summary>An error to record for triage; the snapshot fields keep what the product looked like at the time.</summary>
public sealed record NewError(string ErrorType, string Severity, string Message)
{
    public Guid? ExecutionId { get; init; }

    public long? ProductId { get; init; }

    public long? InventoryId { get; init; }

    public long? ListingId { get; init; }

    public string? ErrorCode { get; init; }

    public string? StackTrace { get; init; }

    public string? ProductTitle { get; init; }

    public string? SourceUrl { get; init; }

    public string? Platform { get; init; }

    public void Validate()
    {
        if (!ErrorTypes.All.Contains(ErrorType))
        {
            throw new InvalidInputException("error_type", $"'{ErrorType}' is not one of {string.Join(", ", ErrorTypes.All)}");
        }

        if (!Severities.Ordered.Contains(Severity))
        {
            throw new InvalidInputException("severity", $"'{Severity}' is not one of {string.Join(", ", Severities.Ordered)}");
        }

        if (string.IsNullOrWhiteSpace(Message))
        {
            throw new InvalidInputException("message", "is required");
        }
    }
}
