package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"dossier"
	"dossier/store"
)

// sharedDir is ../shared beside the project, or "" when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	d, err := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(d, "corpus")); err != nil {
		t.Skip("../shared/corpus is absent")
	}
	return d
}

func TestMain(m *testing.M) {
	if db := os.Getenv("DOSSIER_KILL_CHILD"); db != "" {
		os.Exit(killChild(db, os.Args[len(os.Args)-1]))
	}
	os.Exit(m.Run())
}

// killChild imports a folder and prints every committed article as
// "committed ID HASH", the moment its batch is durable.
func killChild(db, folder string) int {
	m := &Main{DBPath: db, Stdout: os.Stdout, Stderr: os.Stderr, Ctx: context.Background()}
	n, err := m.open()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	imp := m.importer(n)
	imp.BatchSize = 50 // many commits, so kills land between and inside them
	imp.OnCommit = func(ids []dossier.ArticleID) {
		var b strings.Builder
		for _, id := range ids {
			a, err := n.Article(id)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Fprintf(&b, "committed %d %s\n", id, a.Hash)
		}
		os.Stdout.WriteString(b.String())
	}
	fmt.Println("started")
	if _, err := imp.Import(context.Background(), folder); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("finished")
	return 0
}

// TestKillDuringImport kills an importing process at random moments; each
// time the notebook must pass bbolt's check and hold every article the
// child reported committed, intact.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	bbc := filepath.Join(sharedDir(t), "corpus", "bbc")
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewSource(seed))
	t.Logf("seed %d", seed)
	killedMidway := 0
	for round := 0; round < 20; round++ {
		db := filepath.Join(t.TempDir(), "nb.dossier")
		cmd := exec.Command(os.Args[0], "-test.run=^$", bbc)
		cmd.Env = append(os.Environ(), "DOSSIER_KILL_CHILD="+db)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		committed := map[dossier.ArticleID]string{}
		finished := false
		done := make(chan struct{})
		go func() {
			defer close(done)
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				switch {
				case len(f) == 3 && f[0] == "committed":
					id, _ := strconv.ParseUint(f[1], 10, 64)
					committed[dossier.ArticleID(id)] = f[2]
				case len(f) == 1 && f[0] == "finished":
					finished = true
				}
			}
		}()
		// Kill anywhere from the opening of the notebook to late in the import.
		time.Sleep(time.Duration(rng.Int63n(int64(2500 * time.Millisecond))))
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		cmd.Wait()
		if !finished && len(committed) > 0 {
			killedMidway++
		}

		if _, err := os.Stat(db); os.IsNotExist(err) {
			continue // killed before the file was made
		}
		n, err := store.Open(db, &store.Options{Timeout: 2 * time.Second})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		if err := n.Check(); err != nil {
			t.Fatalf("round %d: consistency check: %v", round, err)
		}
		for id, hash := range committed {
			a, err := n.Article(id)
			if err != nil {
				t.Fatalf("round %d: article %d reported committed: %v", round, id, err)
			}
			if a.Hash.String() != hash || dossier.HashBody(a.Body).String() != hash {
				t.Fatalf("round %d: article %d is not intact", round, id)
			}
		}
		metas, err := n.ArticleMetas()
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if len(metas) < len(committed) {
			t.Fatalf("round %d: %d articles, %d reported committed", round, len(metas), len(committed))
		}
		n.Close()
		t.Logf("round %d: %d committed before the kill, %d in the notebook, finished=%v", round, len(committed), len(metas), finished)
	}
	if killedMidway < 5 {
		t.Errorf("only %d of 20 kills landed in the middle of an import; the test is not testing", killedMidway)
	}
}
