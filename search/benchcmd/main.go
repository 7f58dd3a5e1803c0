// Command benchcmd runs the search benchmarks and prints their figures as a
// Markdown table for the README:
//
//	go run ./search/benchcmd [-short] [-benchtime 5x]
//
// -short leaves out the 1M-item case. The benchmarks compare with
// `fzf --filter` on the same items and install fzf with `go install` when it
// is missing.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
)

func main() {
	short := flag.Bool("short", false, "leave out the 1M-item case")
	benchtime := flag.String("benchtime", "5x", "go test -benchtime: how many times each query is typed")
	flag.Parse()

	args := []string{"test", "-run", "^$", "-bench", "BenchmarkFuzzyTyping|BenchmarkBodySearch", "-benchtime", *benchtime}
	if *short {
		args = append(args, "-short")
	}
	args = append(args, "dossier/search")
	cmd := exec.Command("go", args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	load, _ := os.ReadFile("/proc/loadavg")
	err := cmd.Run()
	os.Stderr.Write(out.Bytes())
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchcmd:", err)
		os.Exit(1)
	}

	fmt.Printf("`go %s` on %d cores (load average before: %s)\n\n", strings.Join(args, " "), runtime.NumCPU(), strings.Join(strings.Fields(string(load))[:3], " "))
	fmt.Println("| benchmark | p50 ms | p99 ms | p50 CPU ms | p99 CPU ms | cold query ms | fzf --filter ms | index bytes / text byte | build s |")
	fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	sc := bufio.NewScanner(&out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		m := map[string]string{}
		for i := 2; i+1 < len(f); i += 2 {
			m[f[i+1]] = f[i]
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndex(name, "-"); i > 0 {
			name = name[:i]
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name,
			num(m["p50-ms"]), num(m["p99-ms"]), num(m["p50-cpu-ms"]), num(m["p99-cpu-ms"]), num(m["cold-ms"]), num(m["fzf-ms"]),
			num(m["index-bytes/text-byte"]), num(m["build-s"]))
	}
}

// num rounds a figure to three significant digits; "–" when missing.
func num(s string) string {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return "–"
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}
