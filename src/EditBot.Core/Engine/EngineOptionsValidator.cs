using Microsoft.Extensions.Options;

namespace EditBot.Core.Engine;

/// <summary>Checks the relations between <see cref="EngineOptions"/> members that attributes cannot express.</summary>
internal sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        var errors = new List<string>();
        if (options.MinPollInterval > options.MaxPollInterval)
        {
            errors.Add("Engine:MinPollInterval must not exceed Engine:MaxPollInterval.");
        }

        if (options.StepBackoffBase > options.StepBackoffCap)
        {
            errors.Add("Engine:StepBackoffBase must not exceed Engine:StepBackoffCap.");
        }

        if (options.LeaseDuration < options.IdleDelay * 2)
        {
            errors.Add("Engine:LeaseDuration must be at least twice Engine:IdleDelay.");
        }

        if (options.MaxJobDuration <= options.MaxPollInterval)
        {
            errors.Add("Engine:MaxJobDuration must exceed Engine:MaxPollInterval.");
        }

        if (string.IsNullOrWhiteSpace(options.WorkerId))
        {
            errors.Add("Engine:WorkerId must not be empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
