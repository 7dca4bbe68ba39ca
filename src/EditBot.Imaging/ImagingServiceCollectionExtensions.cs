using EditBot.Imaging.Decoding;
using EditBot.Imaging.Intake;
using EditBot.Imaging.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EditBot.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ImageIntake"/>, <see cref="ResultPackager"/> and <see cref="ContactSheet"/>, which share one
    /// <see cref="PixelBudget"/>, with validated <see cref="ImagingOptions"/>. The returned builder lets the host bind configuration, e.g.
    /// <c>services.AddImaging().BindConfiguration(ImagingOptions.SectionName)</c>; this library stays free of
    /// configuration packages.
    /// </summary>
    public static OptionsBuilder<ImagingOptions> AddImaging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<PixelBudget>();
        services.AddSingleton<ImageIntake>();
        services.AddSingleton<ContactSheet>();
        services.AddSingleton<ResultPackager>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImagingOptions>, ImagingOptionsValidator>());
        return services.AddOptions<ImagingOptions>().ValidateDataAnnotations().ValidateOnStart();
    }
}
