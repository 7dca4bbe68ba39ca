using System.Text.Json.Nodes;

namespace EditBot.TestSupport.Discord.Contract;

/// <summary>
/// Discord's <c>errors</c> object of a 400 50035 "Invalid Form Body": the field path nested one object per segment
/// (array indices as string keys) and, at the field, <c>_errors: [{code, message}]</c>, e.g.
/// <c>{"embeds": {"0": {"title": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "…"}]}}}}</c>.
/// </summary>
public static class DiscordFormErrors
{
    public static JsonObject Build(IEnumerable<ContractError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var root = new JsonObject();
        foreach (var error in errors)
        {
            var node = root;
            foreach (var segment in error.Path.Select(s => s.Trim('[', ']')))
            {
                if (node[segment] is not JsonObject child)
                {
                    child = [];
                    node[segment] = child;
                }

                node = child;
            }

            if (node["_errors"] is not JsonArray list)
            {
                list = [];
                node["_errors"] = list;
            }

            list.Add(new JsonObject { ["code"] = error.Code, ["message"] = error.Message });
        }

        return root;
    }
}
