using System;
using System.Security.Cryptography;
using System.Text;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Name-based ids (RFC 4122 version 5, SHA-1) for the rows the engine keeps: a company's id is a function
    /// of its domain and an adopter's of (email, domain), so any step can address the row without a read,
    /// and a rebuild recreates the same ids. Dataverse lets a Create set the primary key
    /// (learn.microsoft.com/power-apps/developer/data-platform/org-service/entity-operations-create, "Set the Id").
    /// The alternate keys on the same columns still guarantee one row per company and per person.
    /// </summary>
    public static class RowIds
    {
        // A fixed namespace for our names (random once, never to change: ids are stored).
        private static readonly Guid Namespace = new Guid("5f3c1c0e-6a0b-4a7e-9d51-2d7b0c8e4a11");

        public static Guid Company(string domain) => Of("company\n" + domain);

        public static Guid Adopter(string email, string domain) => Of("adopter\n" + email + "\n" + domain);

        private static Guid Of(string name)
        {
            byte[] ns = NamespaceBytes;
            var input = new byte[ns.Length + Encoding.UTF8.GetByteCount(name)];
            Buffer.BlockCopy(ns, 0, input, 0, ns.Length);
            Encoding.UTF8.GetBytes(name, 0, name.Length, input, ns.Length);
            byte[] hash = Sha1(input);
            var bytes = new byte[16];
            Array.Copy(hash, bytes, 16);
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            SwapToNetworkOrder(bytes);
            return new Guid(bytes);
        }

        // The namespace in network order, made once (never written to after).
        private static readonly byte[] NamespaceBytes = NetworkOrder(Namespace);

        private static byte[] NetworkOrder(Guid id)
        {
            byte[] bytes = id.ToByteArray();
            SwapToNetworkOrder(bytes);
            return bytes;
        }

        // The instance API on every target: net462, which Dataverse runs, has no one-shot hash, so the tests here call
        // the API the sandbox calls (the SHA-1 behind it is the platform's own on each), pinned by known ids in the tests.
        private static byte[] Sha1(byte[] input)
        {
            using (var sha1 = SHA1.Create()) return sha1.ComputeHash(input);
        }

        // Guid's byte array keeps its first three fields little-endian; RFC 4122 works in network order.
        private static void SwapToNetworkOrder(byte[] g)
        {
            Swap(g, 0, 3); Swap(g, 1, 2); Swap(g, 4, 5); Swap(g, 6, 7);
        }

        private static void Swap(byte[] b, int i, int j) { byte t = b[i]; b[i] = b[j]; b[j] = t; }
    }
}
