package gopher

import (
	"fmt"
	"strconv"
)

// PlusRootResponse answers a Gopher+ directory-attributes request for the
// root ("\t$"), as Gophernicus does: some Gopher+ clients (the UMN client)
// send it first and give up on a server that answers with a plain menu. The
// reply describes the root as a Gopher+ menu of menuSize bytes; all other
// Gopher+ requests get plain Gopher0 answers.
func PlusRootResponse(title, host string, port, menuSize int) []byte {
	size := strconv.Itoa(menuSize) + "b"
	if menuSize >= 1024 {
		size = strconv.Itoa((menuSize+1023)/1024) + "k"
	}
	return fmt.Appendf(nil, "+-1\r\n+INFO: 1%s\t\t%s\t%d\r\n+VIEWS:\r\n application/gopher+-menu: <%s>\r\n.\r\n",
		displayString(title), sanitizeField(host), port, size)
}
