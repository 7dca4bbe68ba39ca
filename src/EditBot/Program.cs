using EditBot.Verbs;

// The verbs of EditBot: each builds its own host in Composition/ and runs it.
return await VerbTable.RunAsync(args, new Dictionary<string, Func<string[], Task<int>>>
{
    ["run"] = BotVerb.RunAsync,
    ["edit"] = EditVerb.RunAsync,
    ["work"] = WorkVerb.RunAsync,
    ["healthcheck"] = HealthcheckVerb.RunAsync,
    ["jobs"] = JobsVerb.RunAsync,
});
