namespace Seq2Seq.Plotting;

/// <summary>Horizontal anchor of a text relative to its x coordinate.</summary>
internal enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>Vertical anchor of a text relative to its y coordinate.</summary>
internal enum TextBaseline
{
    /// <summary>y is the top of the text's line box.</summary>
    Top,
    /// <summary>y is the middle of the digits/capitals.</summary>
    Middle,
    /// <summary>y is the alphabetic baseline.</summary>
    Alphabetic,
    /// <summary>y is the bottom of the text's line box.</summary>
    Bottom,
}
