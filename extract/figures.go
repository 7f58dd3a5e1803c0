package extract

import "dossier"

func (x *extractor) figures(a *dossier.Article, qs []dossier.Quote) []dossier.Figure { return nil }
