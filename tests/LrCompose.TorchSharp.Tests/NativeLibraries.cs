using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace LrCompose.TorchSharp.Tests;

/// <summary>
/// TorchSharp 0.107's <c>libLibTorchSharp.so</c> was linked against a libstdc++ newer than Debian 12's: it asks for
/// the version GLIBCXX_3.4.32, which only the symbol <c>_ZSt21ios_base_library_initv</c> carries — a reference
/// GCC 13's &lt;iostream&gt; plants to pull in the library's stream initialisation, never called through. Where the
/// system's libstdc++ lacks that version (and only there), this marks the requirement weak in the test output's copy
/// of the library (VER_FLG_WEAK on its Vernaux entry), so the dynamic loader accepts it. It runs once, before any test
/// touches TorchSharp.
/// </summary>
internal static class NativeLibraries
{
    private const string Version = "GLIBCXX_3.4.32";

    [ModuleInitializer]
    internal static void RelaxLibTorchSharp()
    {
        string library = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        if (!OperatingSystem.IsLinux() || !File.Exists(library) || SystemHasVersion()) return;
        byte[] elf = File.ReadAllBytes(library);
        if (MarkWeak(elf, Version)) File.WriteAllBytes(library, elf);
    }

    /// <summary>True when a libstdc++ on the loader's usual paths defines the version.</summary>
    private static bool SystemHasVersion()
    {
        string[] candidates = ["/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6"];
        var pattern = Encoding.ASCII.GetBytes(Version + "\0");
        return candidates.Where(File.Exists).Any(path => File.ReadAllBytes(path).AsSpan().IndexOf(pattern) >= 0);
    }

    /// <summary>Sets VER_FLG_WEAK on the ELF64 version requirement named <paramref name="version"/>; false if there is none to change.</summary>
    internal static bool MarkWeak(byte[] elf, string version)
    {
        const uint VersionNeeded = 0x6ffffffe; // SHT_GNU_verneed
        const ushort Weak = 0x2;               // VER_FLG_WEAK
        var span = elf.AsSpan();
        if (elf.Length < 64 || span[4] != 2 || span[5] != 1) return false; // ELF64, little-endian only
        long sections = BinaryPrimitives.ReadInt64LittleEndian(span[0x28..]);
        int size = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]), count = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        bool changed = false;
        for (int s = 0; s < count; s++)
        {
            var header = span[(int)(sections + s * size)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != VersionNeeded) continue;
            long offset = BinaryPrimitives.ReadInt64LittleEndian(header[0x18..]);
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]);
            long strings = BinaryPrimitives.ReadInt64LittleEndian(span[(int)(sections + link * size + 0x18)..]);
            long need = offset;
            while (true)
            {
                int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(span[(int)(need + 2)..]);
                long aux = need + BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(need + 8)..]);
                for (int a = 0; a < auxCount; a++)
                {
                    long name = strings + BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(aux + 8)..]);
                    int end = span[(int)name..].IndexOf((byte)0);
                    if (Encoding.ASCII.GetString(span.Slice((int)name, end)) == version)
                    {
                        var flags = span[(int)(aux + 4)..];
                        BinaryPrimitives.WriteUInt16LittleEndian(flags, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(flags) | Weak));
                        changed = true;
                    }
                    aux += BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(aux + 12)..]);
                }
                uint next = BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(need + 12)..]);
                if (next == 0) break;
                need += next;
            }
        }
        return changed;
    }
}
