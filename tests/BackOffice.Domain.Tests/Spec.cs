namespace BackOffice.Domain.Tests;

/// <summary>Given/when/then for deciders: fold the given events, run the decision, compare events or the error code.</summary>
public static class Spec
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    public static DecisionContext As(string user)
    {
        var n = 0;
        return new DecisionContext(user, Now, () => new Guid(++n, 0, 0, new byte[8]));
    }

    public static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    public static void ShouldBeRefusedWith(this Action decision, string code, string? field = null)
    {
        var error = Should.Throw<DomainException>(decision);
        error.Code.ShouldBe(code);
        if (field is not null) error.Field.ShouldBe(field);
    }

    public static void ShouldBeRefusedWith<T>(this Func<T> decision, string code, string? field = null)
        => ShouldBeRefusedWith(() => { decision(); }, code, field);
}
