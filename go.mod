module dossier

go 1.26.0

require (
	fyne.io/fyne/v2 v2.8.1 // indirect
	github.com/sahilm/fuzzy v0.1.3 // indirect
	go.etcd.io/bbolt v1.5.0 // indirect
	golang.org/x/net v0.62.0 // indirect
	golang.org/x/sys v0.49.0 // indirect
	golang.org/x/text v0.43.0 // indirect
)
