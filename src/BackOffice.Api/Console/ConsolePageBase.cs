using Microsoft.AspNetCore.Components;

namespace BackOffice.Api.WebConsole;

/// <summary>What every console component gets: the request's console context, and its words as <c>T</c>.</summary>
public abstract class ConsolePageBase : ComponentBase
{
    /// <summary>The console context (language, user, antiforgery token, address).</summary>
    [Parameter, EditorRequired]
    public ConsoleContext Console { get; set; } = default!;

    /// <summary>The page's words and formats.</summary>
    protected ConsoleText T => Console.Text;
}
