using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace SkillScope.Analytics;

/// <summary>One indicator's coefficient in a <see cref="PremiumModel"/> fit, with its heteroskedasticity-robust (HC1) standard error.</summary>
internal readonly record struct PremiumCoefficient(double Beta, double StandardError, double Critical)
{
    /// <summary>exp(beta) - 1: the multiplicative premium as a fraction.</summary>
    public double Premium => Math.Exp(Beta) - 1;

    public double Low => Math.Exp(Beta - (Critical * StandardError)) - 1;

    public double High => Math.Exp(Beta + (Critical * StandardError)) - 1;
}

/// <summary>
/// Least squares of y = log(annual USD) on an intercept, fixed effects (one indicator column per level of each
/// factor but its most frequent one) and a few indicators (skills), for many indicator sets over one design.
/// <para>
/// The fixed-effect part is solved once: (X'X)^+ by SVD (MathNet), its coefficients and residuals. Each fit then
/// uses the Frisch-Waugh-Lovell theorem: with M the residual maker of X, beta = (D'MD)^-1 D'My, where
/// D'MD = D'D - D'X (X'X)^+ X'D and D'My = D'y - D'X theta. Only X'D and D'y depend on the indicators, and they
/// are sums over the rows that have them, so a fit costs one pass over the indicator rows plus one pass over all
/// rows for the robust variance (sandwich HC1 on the residualized indicators).
/// </para>
/// </summary>
internal sealed class PremiumModel
{
    private readonly double[] _y;
    private readonly int[][] _factors;
    private readonly int[][] _column;
    private readonly int _p;
    private readonly Matrix<double> _pinv;
    private readonly double[] _theta;
    private readonly double[] _residual;
    private ulong[]? _mask;

    private PremiumModel(double[] y, int[][] factors, int[][] column, int p, Matrix<double> pinv, double[] theta, double[] residual, int rank)
    {
        _y = y;
        _factors = factors;
        _column = column;
        _p = p;
        _pinv = pinv;
        _theta = theta;
        _residual = residual;
        Rank = rank;
    }

    public int N => _y.Length;

    /// <summary>Rank of the fixed-effect design (intercept included).</summary>
    public int Rank { get; }

    /// <param name="y">The response per row.</param>
    /// <param name="factors">Per factor, each row's level code (0 .. levels - 1).</param>
    /// <param name="levelCounts">Number of levels of each factor.</param>
    public static PremiumModel Build(double[] y, IReadOnlyList<int[]> factors, IReadOnlyList<int> levelCounts)
    {
        ArgumentNullException.ThrowIfNull(y);
        var n = y.Length;
        var column = new int[factors.Count][];
        var p = 1;
        for (var f = 0; f < factors.Count; f++)
        {
            var counts = new long[levelCounts[f]];
            foreach (var level in factors[f])
            {
                counts[level]++;
            }

            var reference = 0;
            for (var level = 1; level < counts.Length; level++)
            {
                if (counts[level] > counts[reference])
                {
                    reference = level;
                }
            }

            column[f] = new int[counts.Length];
            for (var level = 0; level < counts.Length; level++)
            {
                column[f][level] = level == reference || counts[level] == 0 ? -1 : p++;
            }
        }

        var xtx = new double[p, p];
        var xty = new double[p];
        Span<int> active = stackalloc int[factors.Count + 1];
        for (var i = 0; i < n; i++)
        {
            var count = 0;
            active[count++] = 0;
            for (var f = 0; f < factors.Count; f++)
            {
                var c = column[f][factors[f][i]];
                if (c >= 0)
                {
                    active[count++] = c;
                }
            }

            for (var a = 0; a < count; a++)
            {
                xty[active[a]] += y[i];
                for (var b = 0; b < count; b++)
                {
                    xtx[active[a], active[b]] += 1;
                }
            }
        }

        var (pinv, rank) = PseudoInverse(Matrix<double>.Build.DenseOfArray(xtx));
        var theta = (pinv * Vector<double>.Build.DenseOfArray(xty)).ToArray();
        var model = new PremiumModel(y, [.. factors], column, p, pinv, theta, new double[n], rank);
        var levelTheta = model.PerLevel(theta, 0, 1);
        for (var i = 0; i < n; i++)
        {
            model._residual[i] = y[i] - model.Fitted(levelTheta, theta[0], i);
        }

        return model;
    }

    private static (Matrix<double> Inverse, int Rank) PseudoInverse(Matrix<double> matrix)
    {
        var svd = matrix.Svd(computeVectors: true);
        var s = svd.S;
        var tolerance = s.Count == 0 ? 0 : s.Maximum() * matrix.RowCount * 1e-12;
        var inverted = Vector<double>.Build.Dense(s.Count, i => s[i] > tolerance ? 1 / s[i] : 0);
        var rank = s.Count(v => v > tolerance);
        return (svd.VT.Transpose() * Matrix<double>.Build.DiagonalOfDiagonalVector(inverted) * svd.U.Transpose(), rank);
    }

    // Coefficient of each factor level (0 for the reference level) for column j of a p x k row-major block.
    private double[][] PerLevel(double[] block, int j, int k)
    {
        var result = new double[_column.Length][];
        for (var f = 0; f < _column.Length; f++)
        {
            result[f] = new double[_column[f].Length];
            for (var level = 0; level < _column[f].Length; level++)
            {
                var c = _column[f][level];
                result[f][level] = c >= 0 ? block[(c * k) + j] : 0;
            }
        }

        return result;
    }

    private double Fitted(double[][] perLevel, double intercept, int row)
    {
        var value = intercept;
        for (var f = 0; f < perLevel.Length; f++)
        {
            value += perLevel[f][_factors[f][row]];
        }

        return value;
    }

    /// <summary>
    /// Fits the indicators jointly (each a sorted list of distinct rows where it is 1). Null for an indicator set
    /// that the fixed effects (or the other indicators) explain entirely, or when no degrees of freedom remain.
    /// </summary>
    public PremiumCoefficient[]? Fit(IReadOnlyList<int[]> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var k = indicators.Count;
        if (k is 0 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(indicators), k, "fit 1 to 64 indicators at a time");
        }

        var xtd = new double[_p * k];
        var dtd = new double[k, k];
        var dty = new double[k];
        var mask = _mask ??= new ulong[N];
        for (var j = 0; j < k; j++)
        {
            foreach (var row in indicators[j])
            {
                mask[row] |= 1UL << j;
                dty[j] += _y[row];
                xtd[j] += 1;
                for (var f = 0; f < _factors.Length; f++)
                {
                    var c = _column[f][_factors[f][row]];
                    if (c >= 0)
                    {
                        xtd[(c * k) + j] += 1;
                    }
                }
            }
        }

        try
        {
            for (var j = 0; j < k; j++)
            {
                foreach (var row in indicators[j])
                {
                    for (var m = 0; m < k; m++)
                    {
                        if ((mask[row] & (1UL << m)) != 0)
                        {
                            dtd[j, m] += 1;
                        }
                    }
                }
            }

            return Solve(indicators, xtd, dtd, dty, mask);
        }
        finally
        {
            foreach (var rows in indicators)
            {
                foreach (var row in rows)
                {
                    mask[row] = 0;
                }
            }
        }
    }

    private PremiumCoefficient[]? Solve(IReadOnlyList<int[]> indicators, double[] xtd, double[,] dtd, double[] dty, ulong[] mask)
    {
        var k = indicators.Count;
        var xtdMatrix = Matrix<double>.Build.Dense(_p, k, (r, c) => xtd[(r * k) + c]);
        var gamma = _pinv * xtdMatrix;
        var a = Matrix<double>.Build.DenseOfArray(dtd) - (xtdMatrix.Transpose() * gamma);
        var b = Vector<double>.Build.DenseOfArray(dty) - (xtdMatrix.Transpose() * Vector<double>.Build.DenseOfArray(_theta));

        // An indicator that the fixed effects reproduce leaves (almost) nothing after residualizing: not identified.
        for (var j = 0; j < k; j++)
        {
            if (!(a[j, j] > 1e-9 * Math.Max(1, dtd[j, j])))
            {
                return null;
            }
        }

        var evd = a.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        if (evd.EigenValues.Real().Minimum() <= 1e-9 * a.Diagonal().Maximum())
        {
            return null;
        }

        var inverse = a.Inverse();
        var beta = (inverse * b).ToArray();
        var degrees = N - Rank - k;
        if (degrees <= 0)
        {
            return null;
        }

        var gammaBlock = gamma.ToRowMajorArray();
        var perLevel = new double[k][][];
        var intercepts = new double[k];
        for (var j = 0; j < k; j++)
        {
            perLevel[j] = PerLevel(gammaBlock, j, k);
            intercepts[j] = gammaBlock[j];
        }

        // Sandwich: (A^-1) (sum e_i^2 r_i r_i') (A^-1) * n / (n - K), with r_i the residualized indicators and
        // e_i = (My)_i - r_i' beta the residual of the full model.
        var meat = new double[k, k];
        var r = new double[k];
        for (var i = 0; i < N; i++)
        {
            var e = _residual[i];
            var bits = mask[i];
            for (var j = 0; j < k; j++)
            {
                r[j] = ((bits >> j) & 1) - Fitted(perLevel[j], intercepts[j], i);
                e -= r[j] * beta[j];
            }

            var e2 = e * e;
            for (var j = 0; j < k; j++)
            {
                for (var m = 0; m <= j; m++)
                {
                    meat[j, m] += e2 * r[j] * r[m];
                }
            }
        }

        for (var j = 0; j < k; j++)
        {
            for (var m = 0; m < j; m++)
            {
                meat[m, j] = meat[j, m];
            }
        }

        var variance = inverse * Matrix<double>.Build.DenseOfArray(meat) * inverse * ((double)N / degrees);
        var critical = StudentT.InvCDF(0, 1, degrees, 0.975);
        var result = new PremiumCoefficient[k];
        for (var j = 0; j < k; j++)
        {
            result[j] = new PremiumCoefficient(beta[j], Math.Sqrt(Math.Max(0, variance[j, j])), critical);
        }

        return result;
    }
}
