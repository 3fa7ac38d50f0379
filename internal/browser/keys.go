package browser

import "github.com/chromedp/chromedp"

// keys types keys into whatever has focus ("\t" is Tab, "\r" Enter, " " Space).
func keys(s string) chromedp.Action[chromedp.Void] { return chromedp.KeyEvent(s) }
