using Zaiko.Sandbox;

// dotnet Zaiko.Sandbox.dll --urls http://127.0.0.1:5090 [--rate-scale 10] [--seed 1] [--journal-capacity 100000]
var builder = WebApplication.CreateBuilder(args);
builder.AddSandbox();
var app = builder.Build();
app.UseSandbox();
await app.RunAsync();
