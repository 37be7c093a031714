using System;
using System.Linq;
using System.Security.Cryptography;

namespace CrmRelationship.SolutionModel;

/// <summary>
/// Computes the public key token of a strong-name key file (.snk), so that the solution source's
/// <c>PublicKeyToken</c> can be checked against the committed key, and stamped by the packer if the key changes.
/// </summary>
public static class StrongNameKeyFile
{
    private const byte PrivateKeyBlob = 0x07;
    private const byte PublicKeyBlob = 0x06;
    private const int CalgRsaSign = 0x00002400;
    private const int CalgSha1 = 0x00008004;

    /// <summary>The 8-byte token as 16 lower-case hex digits, as an assembly display name writes it.</summary>
    public static string PublicKeyToken(byte[] keyFile) => TokenOf(PublicKey(keyFile));

    /// <summary>The token of a public key: the last 8 bytes of its SHA-1, reversed, as 16 lower-case hex digits.</summary>
    public static string TokenOf(byte[] publicKey)
    {
#pragma warning disable CA5350 // The strong-name token is defined as the tail of a SHA-1 hash; it is not a security use.
        using var sha1 = SHA1.Create();
#pragma warning restore CA5350
        var hash = sha1.ComputeHash(publicKey);
        return string.Concat(hash.Skip(hash.Length - 8).Reverse().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The public key as the CLR stores it: signature and hash algorithm ids, length, PUBLICKEYBLOB.</summary>
    public static byte[] PublicKey(byte[] keyFile)
    {
        if (keyFile is null)
        {
            throw new ArgumentNullException(nameof(keyFile));
        }

        if (keyFile.Length < 20 || (keyFile[0] != PrivateKeyBlob && keyFile[0] != PublicKeyBlob))
        {
            throw new FormatException("Not a strong-name key blob (PRIVATEKEYBLOB or PUBLICKEYBLOB).");
        }

        var bitLength = BitConverter.ToInt32(keyFile, 12);
        var modulusLength = bitLength / 8;
        if (keyFile.Length < 20 + modulusLength)
        {
            throw new FormatException("The key blob is shorter than its modulus.");
        }

        // PUBLICKEYBLOB: BLOBHEADER (type 6, version 2, reserved, algorithm) + RSAPUBKEY ("RSA1", bits, exponent) + modulus.
        var blob = new byte[20 + modulusLength];
        blob[0] = PublicKeyBlob;
        blob[1] = 2;
        Array.Copy(keyFile, 4, blob, 4, 4);
        blob[8] = (byte)'R';
        blob[9] = (byte)'S';
        blob[10] = (byte)'A';
        blob[11] = (byte)'1';
        Array.Copy(keyFile, 12, blob, 12, 8 + modulusLength);

        var result = new byte[12 + blob.Length];
        Array.Copy(BitConverter.GetBytes(CalgRsaSign), 0, result, 0, 4);
        Array.Copy(BitConverter.GetBytes(CalgSha1), 0, result, 4, 4);
        Array.Copy(BitConverter.GetBytes(blob.Length), 0, result, 8, 4);
        Array.Copy(blob, 0, result, 12, blob.Length);
        return result;
    }
}
