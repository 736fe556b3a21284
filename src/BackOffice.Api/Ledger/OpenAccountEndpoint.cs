using BackOffice.Api.Identity;
using BackOffice.Domain.Ledger;
using FluentValidation;

namespace BackOffice.Api.Ledger;

/// <summary><c>POST /api/accounts</c>: opens an account (code unique per tenant: 409 <c>duplicate-account-code</c>).</summary>
public static class OpenAccountEndpoint
{
    /// <summary>Body of the request.</summary>
    /// <param name="Code">Account number (1–20 characters, no spaces), unique per tenant.</param>
    /// <param name="Name">Label (1–200).</param>
    /// <param name="Type">Asset, Liability, Equity, Revenue or Expense.</param>
    public sealed record Request(string? Code, string? Name, AccountType? Type) : IExample<Request>
    {
        /// <inheritdoc />
        public static Request Example => new("512000", "Bank", AccountType.Asset);
    }

    internal sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotNull();
            RuleFor(r => r.Name).NotNull();
            RuleFor(r => r.Type).NotNull();
            RuleFor(r => r.Code).MaxChars(20);
            RuleFor(r => r.Name).MaxChars(Bounds.Text);
        }
    }

    internal static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/accounts", (Request body, CommandExecutor executor) =>
            {
                var id = Guid.CreateVersion7();
                return executor.Start<Account>(id, () => Account.Open(new OpenAccount(id, body.Code!, body.Name!, body.Type!.Value)),
                    result => Responses.Created("accounts", result));
            })
            .Validates<Request, Validator>()
            .RequireAuthorization(Roles.AnyOf(Roles.Accountant))
            .WithName("OpenAccount")
            .WithSummary("Open an account")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesCommandProblems(StatusCodes.Status409Conflict);
}
