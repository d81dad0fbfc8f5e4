using System.Security.Cryptography;
using System.Text;

namespace Fengqiao.Infrastructure.Privacy;

/// <summary>
/// Encrypts personal fields (ID numbers, phone numbers) for storage with AES-256-GCM, and gives a
/// keyed hash (HMAC-SHA256) of the normalised value for exact look-up without decrypting.
/// A stored value is <c>keyId:base64(nonce | ciphertext | tag)</c>, so old rows keep decrypting
/// after the current key changes; <c>dotnet run -- reencrypt</c> moves them all to the current key.
/// Thread-safe: AesGcm and HMAC are created per call from immutable key bytes.
/// </summary>
public sealed class FieldProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly byte[] _hashKey;
    private readonly byte[] _currentKey;
    private readonly byte[] _aad;

    // Per thread, for ProtectAndHash: the AES-GCM and HMAC objects of the last key they were made for.
    [ThreadStatic] private static (byte[] Key, AesGcm Aes)? t_aes;
    [ThreadStatic] private static (byte[] Key, HMACSHA256 Mac)? t_hmac;

    public FieldProtector(PrivacyKeyRing ring)
    {
        _keys = ring.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        CurrentKeyId = ring.CurrentKey;
        _hashKey = Convert.FromBase64String(ring.HashKey);
        if (!_keys.TryGetValue(CurrentKeyId, out var current) || current.Length != 32)
        {
            throw new InvalidOperationException($"Privacy key '{CurrentKeyId}' is missing or is not 32 bytes.");
        }
        _currentKey = current;
        _aad = Aad(CurrentKeyId);
    }

    public string CurrentKeyId { get; }

    public string Protect(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[CurrentKeyId], TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Aad(CurrentKeyId));
        return CurrentKeyId + ":" + Convert.ToBase64String(output);
    }

    /// <summary>
    /// The stored text and the look-up hash of a value at once, for bulk writers (the province generator). The nonce is
    /// the first 12 bytes of the look-up hash, so the same value under the same key is always stored as the same text and
    /// a run can be repeated exactly; it shows only which stored values are equal, which the hash shows anyway, and
    /// different values never share a nonce. One AES-GCM and one HMAC object per thread are kept for the purpose.
    /// <see cref="Unprotect"/> reads the result like any other value.
    /// </summary>
    public (string Cipher, string Hash) ProtectAndHash(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        Span<byte> mac = stackalloc byte[32];
        if (t_hmac is not { } hmac || hmac.Key != _hashKey)
        {
            t_hmac?.Mac.Dispose();
            t_hmac = hmac = (_hashKey, new HMACSHA256(_hashKey));
        }
        hmac.Mac.TryComputeHash(data, mac, out _);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        mac[..NonceSize].CopyTo(nonce);
        if (t_aes is not { } aes || aes.Key != _currentKey)
        {
            t_aes?.Aes.Dispose();
            t_aes = aes = (_currentKey, new AesGcm(_currentKey, TagSize));
        }
        aes.Aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), _aad);
        return (CurrentKeyId + ":" + Convert.ToBase64String(output), Convert.ToBase64String(mac));
    }

    public string Unprotect(string stored)
    {
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !_keys.TryGetValue(stored[..colon], out var key))
        {
            throw new CryptographicException("The value was encrypted with a key that is not in the key ring.");
        }
        var keyId = stored[..colon];
        var input = Convert.FromBase64String(stored[(colon + 1)..]);
        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plain, Aad(keyId));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>True when the value was encrypted with an older key and should be re-encrypted.</summary>
    public bool IsStale(string stored) => !stored.StartsWith(CurrentKeyId + ":", StringComparison.Ordinal);

    /// <summary>The look-up hash of an already normalised value (upper-case ID number, bare digits of a phone).</summary>
    public string Hash(string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(value)));

    private static byte[] Aad(string keyId) => Encoding.ASCII.GetBytes("fengqiao:" + keyId);
}
