using EditBot.Imaging.Decoding;
using EditBot.Imaging.Intake;
using EditBot.Imaging.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EditBot.Imaging.Tests;

public sealed class ImagingOptionsTests
{
    private readonly DataAnnotationValidateOptions<ImagingOptions> _validator = new(Options.DefaultName);

    [Fact]
    public void Defaults_are_valid_and_match_the_issue()
    {
        var options = new ImagingOptions();

        Assert.True(_validator.Validate(Options.DefaultName, options).Succeeded);
        Assert.Equal(40_000_000, options.MaxPixels);
        Assert.Equal(120_000_000, options.MaxConcurrentPixels);
        Assert.Equal(2048, options.MaxLongSide);
        Assert.Equal(10 * 1024 * 1024, options.DefaultAttachmentSizeLimit);
        Assert.Equal("Imaging", ImagingOptions.SectionName);
    }

    [Fact]
    public void Out_of_range_values_fail_validation_naming_the_key()
    {
        var result = _validator.Validate(Options.DefaultName, new ImagingOptions { MaxLongSide = 10, MaxFilesPerMessage = 11 });

        Assert.True(result.Failed);
        Assert.Contains("MaxLongSide", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxFilesPerMessage", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddImaging_registers_the_services_and_validates_options_at_start()
    {
        var services = new ServiceCollection();

        var builder = services.AddImaging();

        Assert.Equal(Options.DefaultName, builder.Name);
        Assert.Contains(services, d => d.ServiceType == typeof(ImageIntake) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(PixelBudget) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(ResultPackager));
        Assert.Contains(services, d => d.ServiceType == typeof(ContactSheet));
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<ImagingOptions>));
        Assert.Contains(services, d => d.ImplementationType?.Name == "ValidationHostedService" || d.ServiceType.Name == "IStartupValidator");
    }

    [Fact]
    public void A_pixel_budget_smaller_than_the_largest_accepted_image_stops_start_up_naming_both_keys()
    {
        var services = new ServiceCollection();
        services.AddImaging().Configure(o => (o.MaxPixels, o.MaxConcurrentPixels) = (40_000_000, 39_999_999));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ImagingOptions>>().Value);

        Assert.Contains("Imaging:MaxConcurrentPixels (39999999) must be at least Imaging:MaxPixels (40000000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pixel_budget_equal_to_the_largest_accepted_image_is_valid()
    {
        var services = new ServiceCollection();
        services.AddImaging().Configure(o => (o.MaxPixels, o.MaxConcurrentPixels) = (40_000_000, 40_000_000));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(40_000_000, provider.GetRequiredService<IOptions<ImagingOptions>>().Value.MaxConcurrentPixels);
    }
}
