package http

// source declares package airlock/http as programs see it. Results cross the
// process boundary as JSON, so Response here must match the provider's
// Response; a test holds them together.
const source = `// Package http makes HTTP requests from the machine that runs the program,
// to the hosts the policy allows. Credentials the policy configures are added
// outside the program; never put them in a URL. A redirect is followed only
// when the policy allows its target too; otherwise the 3xx response itself is
// returned, with its Location header.
package http

// Response is an HTTP response.
type Response struct {
	Status int               // status code, such as 200 or 404
	Header map[string]string // by canonical name ("Content-Type"); repeated headers joined with ", "
	Body   string            // the body as text; bytes that are not valid UTF-8 arrive as U+FFFD
}

// Get requests url with GET. The URL must be absolute http or https, without
// user information or a fragment. A response with any status is returned
// without error; the error reports a request that was refused, failed, timed
// out, or whose body exceeded the policy's size limit.
func Get(url string) (Response, error)

// Post sends body to url with POST, with the given Content-Type (such as
// "application/json"; "" sends none). It reports errors as Get does.
func Post(url, contentType, body string) (Response, error)
`
