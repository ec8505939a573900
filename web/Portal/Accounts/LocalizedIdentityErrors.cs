using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using StrategyPlatform.Portal.Resources;

namespace StrategyPlatform.Portal.Accounts;

/// <summary>Identity's messages (password rules, duplicate e-mail…) in the user's language instead of its built-in English.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    private IdentityError Error(string code, params object[] args) => new() { Code = code, Description = text[$"Identity.{code}", args] };

    public override IdentityError DefaultError() => Error(nameof(DefaultError));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), email);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail), userName);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), email ?? "");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidEmail), userName ?? "");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));
}
