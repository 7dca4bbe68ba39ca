using System.Globalization;
using Microsoft.Extensions.Options;

namespace EditBot.Imaging;

/// <summary>Checks the relations between <see cref="ImagingOptions"/> members that attributes cannot express.</summary>
internal sealed class ImagingOptionsValidator : IValidateOptions<ImagingOptions>
{
    public ValidateOptionsResult Validate(string? name, ImagingOptions options)
    {
        // A budget smaller than one admissible image would only ever let that image through clamped, i.e. over budget.
        return options.MaxConcurrentPixels < options.MaxPixels
            ? ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Imaging:MaxConcurrentPixels ({options.MaxConcurrentPixels}) must be at least Imaging:MaxPixels ({options.MaxPixels}), so the largest accepted image can be decoded."))
            : ValidateOptionsResult.Success;
    }
}
