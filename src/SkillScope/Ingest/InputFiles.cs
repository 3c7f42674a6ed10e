namespace SkillScope.Ingest;

/// <summary>A file to ingest, and whether it was found inside a folder the user named (rather than named itself).</summary>
public readonly record struct InputFile(string Path, bool InFolder);

/// <summary>Turns the paths given to <c>ingest</c> into files: a folder stands for every file under it.</summary>
public static class InputFiles
{
    /// <summary>
    /// Each path as given, except that a folder becomes the files under it, recursively, in ordinal order
    /// of their relative paths (so a run is repeatable); hidden files and folders (".git", ".DS_Store") are
    /// left out.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<InputFile>();
        foreach (var path in paths)
        {
            if (!Directory.Exists(path))
            {
                files.Add(new InputFile(path, InFolder: false));
                continue;
            }

            var root = System.IO.Path.GetFullPath(path);
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
            var found = Directory.EnumerateFiles(path, "*", options)
                .Where(f => !IsHidden(System.IO.Path.GetRelativePath(root, System.IO.Path.GetFullPath(f))))
                .Order(StringComparer.Ordinal);
            files.AddRange(found.Select(f => new InputFile(f, InFolder: true)));
        }

        return files;
    }

    // On Unix a name starting with '.' is hidden whatever its attributes.
    private static bool IsHidden(string relative) =>
        relative.Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));
}
