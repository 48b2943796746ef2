using System.Runtime.InteropServices;
using System.Security;

namespace GenesysCloud.Outbound.Api;

/// <summary>Reads a <see cref="SecureString"/> for the moment a request needs it, and no longer.</summary>
internal static class SecretText
{
    public static string Reveal(SecureString secret)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try
        {
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    public static SecureString Protect(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
