using SkiaSharp;

namespace Seq2Seq.Plotting;

/// <summary>Colors and text sizes shared by all charts.</summary>
internal static class ChartTheme
{
    public static readonly SKColor Background = SKColors.White;
    public static readonly SKColor Text = new(0x22, 0x22, 0x22);
    public static readonly SKColor MutedText = new(0x55, 0x55, 0x55);
    public static readonly SKColor Axis = new(0x44, 0x44, 0x44);
    public static readonly SKColor Grid = new(0xE6, 0xE6, 0xE6);
    public static readonly SKColor LegendBackground = new(0xFF, 0xFF, 0xFF, 0xE6);
    public static readonly SKColor LegendBorder = new(0xCC, 0xCC, 0xCC);

    public const float TitleSize = 18;
    public const float PanelTitleSize = 14;
    public const float AxisTitleSize = 13;
    public const float TickLabelSize = 11.5f;
    public const float LegendSize = 12;
    public const float TickLength = 5;

    /// <summary>Series colors, distinguishable and readable on white (the widely used "category10" hues).</summary>
    public static readonly SKColor[] Palette =
    [
        new(0x1F, 0x77, 0xB4), // blue
        new(0xFF, 0x7F, 0x0E), // orange
        new(0x2C, 0xA0, 0x2C), // green
        new(0xD6, 0x27, 0x28), // red
        new(0x94, 0x67, 0xBD), // purple
        new(0x8C, 0x56, 0x4B), // brown
        new(0xE3, 0x77, 0xC2), // pink
        new(0x7F, 0x7F, 0x7F), // gray
        new(0xBC, 0xBD, 0x22), // olive
        new(0x17, 0xBE, 0xCF), // cyan
    ];
}
