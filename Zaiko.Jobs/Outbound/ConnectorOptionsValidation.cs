using System.ComponentModel.DataAnnotations;

namespace Zaiko.Jobs.Outbound;

/// <summary>Data-annotation validation of nested option objects, which ValidateDataAnnotations does not descend into.</summary>
public static class ConnectorOptionsValidation
{
    public static bool IsValid(object options) => Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true);
}
