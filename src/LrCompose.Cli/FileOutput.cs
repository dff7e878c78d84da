namespace LrCompose.Cli;

/// <summary>
/// Writing a file all or nothing: the bytes go to a temporary file beside the target, which then replaces it in one
/// move. On any failure the previous file at that path is untouched and no partial file is left.
/// </summary>
internal static class FileOutput
{
    public static void WriteAtomically(string path, byte[] bytes)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? throw new CliInputException($"cannot write to {path}: no directory");
        if (!Directory.Exists(directory)) throw new CliInputException($"cannot write {path}: no such directory {directory}");
        if (Directory.Exists(full)) throw new CliInputException($"cannot write {path}: it is a directory");
        string temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException) { }
            // The reason, in the words of the path the user gave: the temporary file is ours, not theirs.
            throw new CliInputException($"cannot write {path}: {e.Message.Replace(temporary, full).Replace(Path.GetFileName(temporary), Path.GetFileName(full))}");
        }
    }
}
