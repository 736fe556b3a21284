namespace BackOffice.Api.Reads;

/// <summary>The contract's command answers.</summary>
public static class Responses
{
    /// <summary>201 with <c>Location: /api/{resource}/{id}</c> and <c>{ id, version }</c>.</summary>
    public static IResult Created(string resource, CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TypedResults.Created($"/api/{resource}/{result.Id}", new CommandResponse(result.Id, result.Version));
    }

    /// <summary>200 with <c>{ id, version }</c>.</summary>
    public static IResult Ok(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TypedResults.Ok(new CommandResponse(result.Id, result.Version));
    }
}
