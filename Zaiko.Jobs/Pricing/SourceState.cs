namespace Zaiko.Jobs.Pricing;

/// <summary>What the last check established about a source offer, as far as listing quantity is concerned.</summary>
public enum SourceState
{
    /// <summary>Read successfully and on sale; its stock count applies (0 = sold out).</summary>
    Live,

    /// <summary>The auction or offer has ended: positive evidence, quantity 0.</summary>
    Ended,

    /// <summary>404/410 confirmed by a second check: positive evidence, quantity 0.</summary>
    Gone,

    /// <summary>Too many failed checks in a row: the listing keeps its quantity (DESIGN.md section 6).</summary>
    Unverifiable,

    /// <summary>Not yet checked, or the last check proved nothing (timeout, bot wall, unreadable layout).</summary>
    Unknown,
}
