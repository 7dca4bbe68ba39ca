namespace EditBot.Imaging.Masks;

/// <summary>Named areas for people who cannot draw a mask. Halves are exact halves; <see cref="Center"/> is the middle 50% x 50%.</summary>
public enum RegionPreset
{
    Full,
    Top,
    Bottom,
    Left,
    Right,
    Center,
    Box,
}
