namespace Zaiko.Sandbox.Control;

/// <summary>
/// The only credentials the sandbox accepts (docs/SANDBOX.md lists them for demo mode). They are public on purpose:
/// they open nothing but this simulator.
/// </summary>
public static class DemoCredentials
{
    public const string LwaClientId = "amzn1.application-oa2-client.zaikosandbox0000000000000000";
    public const string LwaClientSecret = "amzn1.oa2-cs.v1.zaiko-sandbox-demo-secret";
    public const string LwaRefreshToken = "Atzr|IwEBIZaikoSandboxDemoRefreshToken";
    public const string AmazonSellerId = "A1ZAIKOSANDBOX";
    public const string AmazonMarketplaceId = "A1VC38T7YXB528";

    public const string EbayClientId = "ZaikoSan-Sandbox-PRD-0a1b2c3d4-5e6f7a8b";
    public const string EbayClientSecret = "PRD-0a1b2c3d4e5f-zaiko-sandbox-demo";
    public const string EbayRefreshToken = "v^1.1#i^1#r^1#f^0#I^3#p^3#t^ZaikoSandboxDemoRefreshToken";

    public const string MercariAccessToken = "zaiko-sandbox-mercari-demo-token";
}
