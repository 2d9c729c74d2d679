namespace Seq2Seq.Plotting;

/// <summary>How the panels of a <see cref="LineChart"/> are arranged.</summary>
public enum PanelLayout
{
    /// <summary>In one row, left to right.</summary>
    SideBySide,
    /// <summary>In one column, top to bottom.</summary>
    Stacked,
}
