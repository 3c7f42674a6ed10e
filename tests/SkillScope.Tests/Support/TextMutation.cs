using System.Text;

namespace SkillScope.Tests.Support;

/// <summary>
/// The fuzz tests' one mutator: one to four random edits (flip a character, truncate, delete a span, duplicate a span,
/// insert a token of the format's own syntax), driven by the caller's seeded <see cref="Random"/>.
/// </summary>
internal static class TextMutation
{
    public static string Mutate(string text, Random random, string[] tokens, int maxDelete = 80, int maxCopy = 400)
    {
        var sb = new StringBuilder(text);
        var operations = random.Next(1, 5);
        for (var op = 0; op < operations && sb.Length > 0; op++)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(6))
            {
                case 0: // flip one character
                    sb[at] = random.Next(3) == 0 ? (char)random.Next(0, 0x3000) : tokens[random.Next(tokens.Length)][0];
                    break;
                case 1: // truncate
                    sb.Length = at;
                    break;
                case 2: // delete a span
                    sb.Remove(at, Math.Min(random.Next(1, maxDelete), sb.Length - at));
                    break;
                case 3: // duplicate a span
                    var length = Math.Min(random.Next(1, maxCopy), sb.Length - at);
                    sb.Insert(random.Next(sb.Length), sb.ToString(at, length));
                    break;
                default: // insert a token
                    sb.Insert(at, tokens[random.Next(tokens.Length)]);
                    break;
            }
        }

        return sb.ToString();
    }
}
