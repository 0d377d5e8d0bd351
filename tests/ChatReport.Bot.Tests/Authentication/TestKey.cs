using System.Security.Cryptography;

namespace ChatReport.Bot.Tests.Authentication;

/// <summary>A signing key of the fake identity provider; null endorsements means the JWKS entry has none.</summary>
public sealed record TestKey(string Kid, RSA Rsa, string[]? Endorsements);
