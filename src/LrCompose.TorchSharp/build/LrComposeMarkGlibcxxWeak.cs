// Compiled by MSBuild's RoslynCodeTaskFactory in the consumer's build (see LrCompose.TorchSharp.targets), so it uses
// only what a netstandard task may: no spans, no BinaryPrimitives.
using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks the ELF64 version requirement GLIBCXX_3.4.32 weak (VER_FLG_WEAK on its Vernaux entry in .gnu.version_r) in
/// the given copies of libLibTorchSharp.so, when no libstdc++ on the loader's usual paths defines that version. A weak
/// requirement that the system cannot meet is accepted by the dynamic loader; the one symbol carrying it is never called.
/// </summary>
public sealed class LrComposeMarkGlibcxxWeak : Microsoft.Build.Utilities.Task
{
    private const string Version = "GLIBCXX_3.4.32";

    private static readonly string[] SystemLibraries =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    /// <summary>The copies of libLibTorchSharp.so to relax.</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        byte[] pattern = Encoding.ASCII.GetBytes(Version + "\0");
        string[] present = SystemLibraries.Where(File.Exists).ToArray();
        if (present.Length == 0 || present.Any(path => Contains(File.ReadAllBytes(path), pattern)))
        {
            Log.LogMessage(MessageImportance.Low, "libstdc++ defines " + Version + " (or none was found): libLibTorchSharp.so left as it is");
            return true;
        }
        foreach (var item in Libraries)
        {
            string path = item.GetMetadata("FullPath");
            byte[] elf = File.ReadAllBytes(path);
            if (!MarkWeak(elf, Version)) continue;
            File.WriteAllBytes(path, elf);
            Log.LogMessage(MessageImportance.Normal, "marked " + Version + " weak in " + path + " (this system's libstdc++ lacks it)");
        }
        return true;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    private static ushort U16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);
    private static uint U32(byte[] b, long at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);
    private static long I64(byte[] b, long at) => (long)(U32(b, at) | (ulong)U32(b, at + 4) << 32);

    /// <summary>Sets VER_FLG_WEAK on every requirement named <paramref name="version"/>; false if none was changed.</summary>
    private static bool MarkWeak(byte[] elf, string version)
    {
        const uint VersionNeeded = 0x6ffffffe; // SHT_GNU_verneed
        const ushort Weak = 0x2;               // VER_FLG_WEAK
        if (elf.Length < 64 || elf[4] != 2 || elf[5] != 1) return false; // ELF64, little-endian only
        long sections = I64(elf, 0x28);
        int size = U16(elf, 0x3A), count = U16(elf, 0x3C);
        bool changed = false;
        for (int s = 0; s < count; s++)
        {
            long header = sections + (long)s * size;
            if (U32(elf, header + 4) != VersionNeeded) continue;
            long need = I64(elf, header + 0x18);
            long strings = I64(elf, sections + U32(elf, header + 0x28) * size + 0x18);
            while (true)
            {
                int auxCount = U16(elf, need + 2);
                long aux = need + U32(elf, need + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    long name = strings + U32(elf, aux + 8);
                    long end = name;
                    while (elf[end] != 0) end++;
                    ushort flags = U16(elf, aux + 4);
                    if (Encoding.ASCII.GetString(elf, (int)name, (int)(end - name)) == version && (flags & Weak) == 0)
                    {
                        flags |= Weak;
                        elf[aux + 4] = (byte)flags;
                        elf[aux + 5] = (byte)(flags >> 8);
                        changed = true;
                    }
                    aux += U32(elf, aux + 12);
                }
                uint next = U32(elf, need + 12);
                if (next == 0) break;
                need += next;
            }
        }
        return changed;
    }
}
