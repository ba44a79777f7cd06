// Compares each jar of the main build (MODULE/target) with the clean rebuild's (MODULE/target/rebuild):
// SHA-256 of the whole file, so a timestamp, an entry order or a path anywhere in it shows.
import java.security.MessageDigest

def root = new File(basedir, '../..').canonicalFile
def modules = ['sdp', 'ice', 'dtls', 'srtp', 'rtp', 'sctp', 'signaling', 'core', 'examples']
def sha = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def differ = []
def compared = 0
modules.each { m ->
    def first = new File(root, "${m}/target")
    def second = new File(root, "${m}/target/rebuild")
    def jars = first.listFiles().findAll { it.name.endsWith('.jar') && !it.name.startsWith('original-') }
    if (jars.isEmpty()) {
        throw new AssertionError("no jar in ${first}: the main build must package ${m} before rtc4j-samples runs")
    }
    jars.sort { it.name }.each { a ->
        def b = new File(second, a.name)
        if (!b.isFile()) {
            throw new AssertionError("the rebuild made no ${m}/target/rebuild/${a.name}")
        }
        def same = sha(a) == sha(b)
        println String.format('reproducible: %-50s %10d bytes  %s', "${m}/${a.name}", a.length(),
                same ? "identical (sha-256 ${sha(a).take(16)}...)" : 'DIFFERS')
        if (!same) {
            differ << "${m}/${a.name}"
        }
        compared++
    }
}
println "reproducible: ${compared} jars compared, ${differ.size()} differ"
if (differ) {
    throw new AssertionError("not reproducible: ${differ}")
}
return true
