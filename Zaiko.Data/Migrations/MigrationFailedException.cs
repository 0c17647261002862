namespace Zaiko.Data.Migrations;

public sealed class MigrationFailedException(string message, Exception innerException) : Exception(message, innerException);
